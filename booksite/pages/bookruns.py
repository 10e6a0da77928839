"""Build-time results shared by the Korean and English pages.

MkDocs builds both languages in one process, and markdown-exec runs each
page's blocks in it. A long computation in a hidden block (training a model
for a figure, timing Keras) would run once per language; `once` runs it the
first time and hands the same result to the twin page, so both editions
show the same numbers and the build pays once.

    from bookruns import once
    history = once("ch7-spiral-seed0", train, seed=0)

The key names the result; it must change whenever the computation does.
`once(key, None)` takes a result an earlier block of the same page computed
(booksite/hooks/blockcache.py reruns a page's earlier blocks before a changed one, so
that result is there on a cached rebuild too).
"""

_results = {}


def once(key, function, *args, **kwargs):
    """function(*args, **kwargs), computed at most once per build process."""
    if key not in _results:
        if function is None:
            raise KeyError(f"bookruns.once({key!r}, None): no block of this "
                           "build has computed it yet; pass the function "
                           "that computes it, or compute it in an earlier "
                           "block of the same page")
        _results[key] = function(*args, **kwargs)
    return _results[key]
