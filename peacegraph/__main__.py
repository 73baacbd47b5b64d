"""`python -m peacegraph …` runs the command line."""

from peacegraph.cli.main import main

main()
