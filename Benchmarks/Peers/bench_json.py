"""Times JSON parsers on Benchmarks/Data/config-64k.json, the document BERS's CoreBenchmarks parse.

Usage: python bench_json.py [FILE]. Prints one JSON line per parser: median ns per parse and MB/s.
Parsers: json (stdlib), orjson, msgspec, pysimdjson (each skipped when not installed).
"""
import json
import os
import sys
import time

path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "Data", "config-64k.json")
data = open(path, "rb").read()


def parsers():
    yield "json (stdlib)", lambda: json.loads(data)
    try:
        import orjson
        yield f"orjson {orjson.__version__}", lambda: orjson.loads(data)
    except ImportError:
        pass
    try:
        import msgspec
        decoder = msgspec.json.Decoder()
        yield f"msgspec {msgspec.__version__}", lambda: decoder.decode(data)
    except ImportError:
        pass
    try:
        import simdjson
        parser = simdjson.Parser()
        # A full Python object, as the others build; parse() alone is lazy.
        yield "pysimdjson (as_dict)", lambda: parser.parse(data).as_dict()
        yield "pysimdjson (lazy DOM, no Python objects)", lambda: parser.parse(data)
    except ImportError:
        pass


for name, parse in parsers():
    for _ in range(200):
        parse()
    samples = []
    for _ in range(2000):
        start = time.perf_counter_ns()
        parse()
        samples.append(time.perf_counter_ns() - start)
    samples.sort()
    median = samples[len(samples) // 2]
    print(json.dumps({"parser": name, "bytes": len(data), "median_ns": median,
                      "mb_per_s": round(len(data) / (median / 1e9) / 1e6, 1)}))
