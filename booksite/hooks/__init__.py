"""The MkDocs hooks, in the order mkdocs.yml lists them (see ../README.md).

MkDocs loads each file by its path; tests import them as booksite.hooks.<name>.
"""
