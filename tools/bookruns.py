"""Build-time results shared by the Korean and English pages.

MkDocs builds both languages in one process, and markdown-exec runs each
page's blocks in it. A long computation in a hidden block (training a model
for a figure, timing Keras) would run once per language; `once` runs it the
first time and hands the same result to the twin page, so both editions
show the same numbers and the build pays once.

    from bookruns import once
    history = once("ch7-spiral-seed0", train, seed=0)

The key names the result; it must change whenever the computation does.
"""

_results = {}


def once(key, function, *args, **kwargs):
    """function(*args, **kwargs), computed at most once per build process."""
    if key not in _results:
        _results[key] = function(*args, **kwargs)
    return _results[key]
