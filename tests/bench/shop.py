"""The large demo shop, generated once into tests/bench/.cache and reused.

The file is reused while a small JSON record beside it says it was made with the same seed and
scale by the same migrations and demo generator (a hash of their source). Otherwise it is
generated again through the real command line (`main.py demo create --scale large`), and how
long that took is itself a benchmark figure.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from tests.bench.report import Row, Target

ROOT = Path(__file__).resolve().parents[2]
CACHE = Path(__file__).resolve().parent / ".cache"
SCALE = "large"
GENERATE_TARGET = Target(60)


@dataclass(frozen=True)
class Shop:
    path: Path
    seconds: float  # how long generating it took, in this run or when it was made
    generated_now: bool


def generator_fingerprint() -> str:
    """A hash of what decides the file's contents: the migrations and the demo generator."""
    sources = sorted((ROOT / "ecdesk" / "migrations" / "versions").glob("*.py"))
    sources.append(ROOT / "ecdesk" / "services" / "demo.py")
    digest = hashlib.sha256()
    for source in sources:
        digest.update(source.name.encode() + b"\0" + source.read_bytes())
    return digest.hexdigest()[:16]


def large_shop(seed: int, regenerate: bool = False) -> Shop:
    """The cached large shop for `seed`, generating it first when missing or stale."""
    path, record = CACHE / f"{SCALE}.ecdesk", CACHE / f"{SCALE}.json"
    wanted = {"scale": SCALE, "seed": seed, "generator": generator_fingerprint()}
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
    print(f"Generating the 100k-SKU demo shop into {path.relative_to(ROOT)} (seed {seed}) ...",
          flush=True)
    command = [sys.executable, "main.py", "demo", "create", str(path), "--scale", SCALE,
               "--seed", str(seed), "--force"]
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True)
    seconds = time.perf_counter() - start
    print(f"Generated in {seconds:.1f} s", flush=True)
    return seconds


def generation_row(shop: Shop) -> Row:
    note = "" if shop.generated_now else "cached: time recorded when the file was generated"
    return Row("generate 100k-SKU demo shop", "s", shop.seconds, target=GENERATE_TARGET,
               note=note + ("; " if note else "") + "process start to exit of "
               "`main.py demo create --scale large`")
