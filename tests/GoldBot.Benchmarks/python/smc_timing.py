"""Times the five smartmoneyconcepts calls of ReferenceModeBenchmarks.AllFiveFunctions.

Usage: python3 smc_timing.py --lib PATH --input EURUSD_15M.csv [--repeat N] [--verify DIR]

PATH is a checkout of https://github.com/joshyattridge/smart-money-concepts (the folder that
holds the `smartmoneyconcepts` package; also taken from $SMC_LIB). The library is never copied
into this repository. The input is loaded as the library's own tests load it (read_csv,
set_index("Date"), to_datetime); the import and the load are not timed. Each repetition times,
with time.perf_counter, swing_highs_lows(df, 5), bos_choch(df, swings), ob(df, swings), fvg(df)
and liquidity(df, swings). With --verify DIR the first repetition's results are also written
with to_csv(index=False) and compared byte for byte with DIR's golden files (not timed).
Prints one JSON object on stdout: versions, and per call the seconds of every repetition.
"""
import argparse
import io
import json
import os
import platform
import sys
import time

CALLS = ["swing_highs_lows", "bos_choch", "ob", "fvg", "liquidity"]
GOLDEN = {
    "swing_highs_lows": "swing_highs_lows_result_data.csv",
    "bos_choch": "bos_choch_result_data.csv",
    "ob": "ob_result_data.csv",
    "fvg": "fvg_result_data.csv",
    "liquidity": "liquidity_result_data.csv",
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lib", default=os.environ.get("SMC_LIB"), help="smart-money-concepts checkout (or $SMC_LIB)")
    parser.add_argument("--input", required=True, help="EURUSD_15M.csv")
    parser.add_argument("--repeat", type=int, default=5, help="repetitions of the five calls")
    parser.add_argument("--verify", metavar="DIR", help="compare the results with DIR's golden files")
    args = parser.parse_args()
    if not args.lib or not os.path.isfile(os.path.join(args.lib, "smartmoneyconcepts", "smc.py")):
        sys.exit(f"error: no smartmoneyconcepts library at {args.lib!r} (pass --lib PATH or set SMC_LIB)")

    try:
        import numpy as np
        import pandas as pd
    except ImportError as e:
        sys.exit(f"error: {e} in {sys.executable} (Debian: apt-get install python3-pandas python3-numpy)")

    os.environ["SMC_CREDIT"] = "0"  # the package prints a banner on import otherwise
    sys.path.insert(0, os.path.abspath(args.lib))
    from smartmoneyconcepts.smc import smc

    df = pd.read_csv(args.input)
    df = df.set_index("Date")
    df.index = pd.to_datetime(df.index)

    seconds = {name: [] for name in CALLS}
    for repetition in range(args.repeat):
        start = time.perf_counter()
        swings = smc.swing_highs_lows(df, swing_length=5)
        after_swings = time.perf_counter()
        bos_choch = smc.bos_choch(df, swings)
        after_bos_choch = time.perf_counter()
        ob = smc.ob(df, swings)
        after_ob = time.perf_counter()
        fvg = smc.fvg(df)
        after_fvg = time.perf_counter()
        liquidity = smc.liquidity(df, swings)
        end = time.perf_counter()
        marks = [start, after_swings, after_bos_choch, after_ob, after_fvg, end]
        for k, name in enumerate(CALLS):
            seconds[name].append(marks[k + 1] - marks[k])
        if repetition == 0 and args.verify:
            results = {"swing_highs_lows": swings, "bos_choch": bos_choch, "ob": ob, "fvg": fvg, "liquidity": liquidity}
            for name, frame in results.items():
                text = io.StringIO()
                frame.to_csv(text, index=False)
                with open(os.path.join(args.verify, GOLDEN[name]), encoding="utf-8", newline="") as golden:
                    if text.getvalue() != golden.read():
                        sys.exit(f"error: {name} differs from {GOLDEN[name]}")

    json.dump({
        "python": platform.python_version(),
        "pandas": pd.__version__,
        "numpy": np.__version__,
        "library": smc.__version__,
        "verified": bool(args.verify),
        "seconds": seconds,
    }, sys.stdout)
    print()


if __name__ == "__main__":
    main()
