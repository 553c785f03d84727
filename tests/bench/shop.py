"""The large demo shop (100,000 SKUs, a year of orders with 1,000,000 lines), generated once
into tests/bench/.cache and reused.

The file is reused while a small JSON record beside it says it was made with the same seed and
scale at the same schema revision by the same version of the demo generator (DEMO_VERSION,
bumped when what it generates changes). Otherwise it is generated again through the real
command line (`main.py demo create --scale large`), and how long that took is itself a
benchmark figure.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from ecdesk.db import SCHEMA_HEAD
from ecdesk.services.demo.shop import DEMO_VERSION
from tests.bench.report import Row, Target

ROOT = Path(__file__).resolve().parents[2]
CACHE = Path(__file__).resolve().parent / ".cache"
SCALE = "large"
GENERATE_TARGET = Target(120)  # measured ~60 s of CPU on 2 cores (1M order lines)


@dataclass(frozen=True)
class Shop:
    path: Path
    seconds: float  # how long generating it took, in this run or when it was made
    generated_now: bool


def large_shop(seed: int, regenerate: bool = False) -> Shop:
    """The cached large shop for `seed`, generating it first when missing or stale."""
    path, record = CACHE / f"{SCALE}.ecdesk", CACHE / f"{SCALE}.json"
    wanted = {"scale": SCALE, "seed": seed, "schema": SCHEMA_HEAD, "demo_version": DEMO_VERSION}
    known = json.loads(record.read_text()) if record.exists() else {}
    if path.exists() and not regenerate and all(known.get(k) == v for k, v in wanted.items()):
        print(f"Reusing {path.relative_to(ROOT)} (seed {seed}, generated in "
              f"{known['seconds']:.1f} s on {known['generated_at']})", flush=True)
        return Shop(path, known["seconds"], generated_now=False)
    if path.exists() and not regenerate:
        changed = [k for k, v in wanted.items() if known.get(k) != v]
        print(f"The cached shop is stale ({', '.join(changed)} changed)", flush=True)
    seconds = _generate(path, seed)
    record.write_text(json.dumps({**wanted, "seconds": seconds,
                                  "generated_at": time.strftime("%Y-%m-%d %H:%M")}))
    return Shop(path, seconds, generated_now=True)


def _generate(path: Path, seed: int) -> float:
    CACHE.mkdir(exist_ok=True)
    print(f"Generating the large demo shop (100k SKUs, 1M order lines) into "
          f"{path.relative_to(ROOT)} (seed {seed}) ...", flush=True)
    command = [sys.executable, "main.py", "demo", "create", str(path), "--scale", SCALE,
               "--seed", str(seed), "--force"]
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True)
    seconds = time.perf_counter() - start
    print(f"Generated in {seconds:.1f} s", flush=True)
    return seconds


def generation_row(shop: Shop) -> Row:
    note = "" if shop.generated_now else "cached: time recorded when the file was generated"
    return Row("generate demo shop: 100k SKUs, 1M order lines", "s", shop.seconds,
               target=GENERATE_TARGET,
               note=note + ("; " if note else "") + "process start to exit of "
               "`main.py demo create --scale large`")
