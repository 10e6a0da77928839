"""Command line: `python -m nnbook train spiral`."""

import argparse
import time

from .recipes import train_spiral


def _count(least):
    """An argparse type: an integer >= least, or a message argparse prints.

    Args:
        least (int): The smallest value allowed.

    Returns:
        (callable): The converter, for add_argument(type=...).
    """
    def parse(text):
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(
                f"must be an integer; got {text!r}") from None
        if value < least:
            raise argparse.ArgumentTypeError(
                f"must be an integer >= {least}; got {value}")
        return value
    return parse


def main(argv=None):
    """Parse the command line and train.

    Args:
        argv (list[str] | None): The arguments; None for sys.argv[1:].
    """
    parser = argparse.ArgumentParser(prog="python -m nnbook")
    commands = parser.add_subparsers(dest="command", required=True)
    train = commands.add_parser("train", help="train one of the book's models")
    train.add_argument("dataset", choices=["spiral"])
    train.add_argument("--epochs", type=_count(1), default=10_000,
                       help="passes over the data (a positive integer)")
    train.add_argument("--seed", type=_count(0), default=0,
                       help="seed of the data and the weights (>= 0)")
    train.add_argument("--no-progress", action="store_true",
                       help="hide the progress bar")
    args = parser.parse_args(argv)

    start = time.perf_counter()
    _, history = train_spiral(args.seed, epochs=args.epochs,
                              progress=not args.no_progress)
    seconds = time.perf_counter() - start
    print(f"spiral, 2-64-3, Adam, {args.epochs} epochs, seed {args.seed}: "
          f"accuracy {history['accuracy'][-1]:.3f}, "
          f"loss {history['loss'][-1]:.4f} ({seconds:.1f} s)")


if __name__ == "__main__":
    main()
