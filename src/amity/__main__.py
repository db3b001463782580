"""`python -m amity` runs the command line."""

from amity.cli import main

if __name__ == "__main__":
    main()
