"""``python -m kgextract``: the same command line as the ``kgextract`` script."""

from kgextract.cli import main

if __name__ == "__main__":
    main()
