#!/usr/bin/env python3
"""Writes the hostile corpus: study files (studies/), spectrum files (spectra/) and flag cases (flags.tsv).
Run from this folder; the files are committed, this script documents how they were made. {res} in a file or a
flag is replaced by this folder's absolute path and {tmp} by a fresh temporary folder when the test runs."""
import os, shutil

here = os.path.dirname(os.path.abspath(__file__))
S, P = os.path.join(here, "studies"), os.path.join(here, "spectra")
for d in (S, P):
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)

FIXED = "fixed: {d: 10, n: 20, p2: 0.1, c2: 1, sigma: 0.5, lambda: 0.1}\n"
BASE = "name: h\ncompute: theory\n" + FIXED
studies = {}

def study(name, text):
    assert name not in studies, name
    studies[name] = text.encode("utf-8") if isinstance(text, str) else text

def fixed(**kv):
    f = {"d": "10", "n": "20", "p2": "0.1", "c2": "1", "sigma": "0.5", "lambda": "0.1"}
    f.update(kv)
    return "fixed: {" + ", ".join(f"{k}: {v}" for k, v in f.items()) + "}\n"

# Structure and syntax.
study("empty", "")
study("comments-only", "# nothing here\n")
study("null-document", "---\n")
study("scalar-top", "hello\n")
study("list-top", "- name: h\n- compute: theory\n")
study("number-top", "42\n")
study("unclosed-bracket", "name: h\nfixed: {d: 10\n")
study("unclosed-quote", 'name: "h\ncompute: theory\n')
study("tab-indent", "name: h\nfixed:\n\td: 10\n")
study("bad-indent", "name: h\n fixed: 1\n  x: 2\n")
study("multi-document", BASE + "---\n" + BASE)
study("complex-key", BASE + "? [a, b]\n: 1\n")
study("custom-tag", "name: !foo h\ncompute: theory\n" + FIXED)
study("python-tag", "name: !!python/object:os.system h\ncompute: theory\n" + FIXED)
study("binary-tag", "name: !!binary aGVsbG8=\ncompute: theory\n" + FIXED)
study("unknown-top-key", BASE + "colour: red\n")
study("fixed-not-map", "name: h\ncompute: theory\nfixed: 5\n")
study("sweep-not-map", BASE + "sweep: [1, 2]\n")
# Duplicate keys (last wins silently before).
study("dup-top-name", BASE + "name: other\n")
study("dup-top-compute", "name: h\ncompute: theory\ncompute: both\n" + FIXED)
study("dup-fixed-key", "name: h\ncompute: theory\nfixed: {d: 10, d: 20, n: 20, p2: 0.1, c2: 1, sigma: 0.5, lambda: 0.1}\n")
study("dup-fixed-block", "name: h\ncompute: theory\nfixed:\n  d: 10\n  n: 20\n  d: 30\n")
study("dup-sweep-key", BASE.replace(FIXED, "fixed: {d: 10, n: 20, c2: 1, sigma: 0.5, lambda: 0.1}\n")
      + "sweep:\n  p2: [0, 0.1]\n  p2: [0.2]\n")
study("dup-section", BASE + "fixed: {d: 5}\n")
# Aliases (read as the anchor's name before).
study("alias-spectrum", "name: h\ncompute: theory\n" + FIXED.replace("}", ', spectrum: &iso "power:1.5"}')
      + "sweep: {sigma: [0.1, 0.2]}\nfigures: []\nquick: {fixed: {spectrum: *iso}}\n")
study("alias-scalar", "name: &n h\ncompute: theory\n" + FIXED + "description: *n\n")
study("alias-map", "name: h\ncompute: theory\nfixed: &f {d: 10, n: 20, p2: 0.1, c2: 1, sigma: 0.5, lambda: 0.1}\nquick: {fixed: *f}\n")
study("alias-merge-key", "name: h\ncompute: theory\nbase: &b {d: 10, n: 20}\nfixed:\n  <<: *b\n  p2: 0.1\n")
study("alias-undefined", BASE + "description: *nothing\n")
laughs = "name: h\ncompute: theory\n" + FIXED + 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
prev = "a"
for c in "bcdefghi":
    laughs += f"{c}: &{c} [" + ",".join([f"*{prev}"] * 9) + "]\n"
    prev = c
study("alias-billion-laughs", laughs)
study("alias-recursive", "name: h\ncompute: theory\n" + FIXED + "x: &x [*x]\n")
# Nesting.
study("deep-list-200", BASE + "description: " + "[" * 200 + "]" * 200 + "\n")
study("deep-list-5000", BASE + "description: " + "[" * 5000 + "]" * 5000 + "\n")
study("deep-map-2000", BASE + "description: " + "{a: " * 2000 + "1" + "}" * 2000 + "\n")
study("deep-list-100000", "a: " + "[" * 100000 + "\n")
# Encodings and binary.
study("utf16le-bom", b"\xff\xfe" + BASE.encode("utf-16-le"))
study("utf16be-bom", b"\xfe\xff" + BASE.encode("utf-16-be"))
study("utf16le-nobom", BASE.encode("utf-16-le"))
study("utf32le-bom", b"\xff\xfe\x00\x00" + BASE.encode("utf-32-le"))
study("latin1", ("name: h\ndescription: caf\xe9\ncompute: theory\n" + FIXED).encode("latin-1"))
study("nul-bytes", BASE.encode() + b"\x00\x00\x00")
study("png-header", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
study("gzip-header", b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03" + bytes(range(200)))
study("lone-surrogate", b"name: h\ndescription: \xed\xa0\x80\ncompute: theory\n" + FIXED.encode())
study("control-chars", "name: h\x07\ncompute: theory\n" + FIXED)
# name (becomes a folder).
for i, v in enumerate(['".."', '"."', '"../x"', '"/etc"', '""', "[a, b]", "{a: 1}", '"' + "a" * 101 + '"', '"a b"',
                       '"con\\u0000"', "null", '"~"']):
    study(f"name-{i:02d}", f"name: {v}\ncompute: theory\n" + FIXED)
# compute, runs, seed.
for i, v in enumerate(["sometimes", "[theory]", "1", "null", '""']):
    study(f"compute-{i}", f"name: h\ncompute: {v}\n" + FIXED)
for i, v in enumerate(["0", "-1", "1000000000", "five", "10001", "2.5", "9223372036854775808", ".inf", ".nan", "[5]"]):
    study(f"runs-{i}", BASE + f"runs: {v}\n")
for i, v in enumerate(['"abc"', "1.5", "99999999999999999999999", "[1, 2]"]):
    study(f"seed-{i}", BASE + f"seed: {v}\n")
# Fixed parameters out of range.
bad = {
    "d": ["0", "-5", "1e10", "2.5", "ten", "2147483648", "99999999999999999999", ".inf", ".nan", "true", "16777217"],
    "n": ["0", "-1", "1e16", "x", "1e400", "10000000000000000", "[]", "10000000000"],
    "p2": ["-0.1", "1.5", ".nan", ".inf", "half"],
    "c2": ["-1", ".inf", ".nan"],
    "sigma": ["-1", ".nan", "1e400"],
    "lambda": ["-1", ".nan", ".inf", "-1e-300"],
}
for k, vs in bad.items():
    for i, v in enumerate(vs):
        study(f"fixed-{k}-{i:02d}", "name: h\ncompute: theory\n" + fixed(**{k: v}))
for i, v in enumerate(["cnn", "{a: 1}", '""', "RIDGE2"]):
    study(f"model-{i}", "name: h\ncompute: theory\n" + fixed(model=v))
study("rp-no-m", "name: h\ncompute: theory\n" + fixed(model="rp"))
study("rp-m-0", "name: h\ncompute: theory\n" + fixed(model="rp", m="0"))
study("rp-m-huge-sim", "name: h\ncompute: simulation\nruns: 2\n" + fixed(model="rp", m="100000000"))
# Spectra.
spectra_fields = ['"power:-1"', '"power:abc"', '"power:.nan"', '"power:1e308"', '"warp"', "5", '""', '"file:/dev/zero"',
                  '"file:/nonexistent/spectrum.txt"', '"file:/etc/passwd"', '"file:{res}/spectra"',
                  '"file:{res}/spectra/negative.txt"', '"file:{res}/spectra/zero.txt"', '"file:{res}/spectra/nan.txt"',
                  '"file:{res}/spectra/secret.txt"', '"file:{res}/spectra/empty.txt"', '"file:{res}/spectra/ratio.txt"',
                  '"file:{res}/spectra/subnormal.txt"', '"file:{res}/spectra/utf16.txt"', '"file:{res}/spectra/inf.txt"',
                  '"file:/proc/self/mem"', '"power:400"']
for i, v in enumerate(spectra_fields):
    study(f"spectrum-{i:02d}", "name: h\ncompute: theory\n" + fixed(spectrum=v, d="0" if "file:" in v else "10"))
study("spectrum-power-underflow", "name: h\ncompute: theory\n" + fixed(spectrum='"power:114.2"', d="73"))
study("spectrum-file-wrong-d", "name: h\ncompute: theory\n" + fixed(spectrum='"file:{res}/spectra/three.txt"', d="5"))
# Sweeps.
sweeps = ["p2: []", "p2: {from: 0, to: 1, num: 0}", "p2: {from: 0, to: 1, num: 1000000000}",
          "p2: {from: 0, to: 1, num: 100001}", "lambda: {from: 0, to: 1, num: 3, scale: log}", "p2: hello",
          "zeta: [1, 2]", "p2: {linspace: [0, 1]}", "p2: {from: 1, to: .nan, num: 3}", "p2: [0.1, .nan]",
          "d: [10, -1]", "n: {from: 1, to: 1e30, num: 5, scale: log}", "p2: {from: 0, to: 1, num: 3, scale: cubic}",
          "seed: [1, x]"]
for i, v in enumerate(sweeps):
    study(f"sweep-{i:02d}", BASE + "sweep: {" + v + "}\n")
many = ", ".join(f"{k}: {{from: 1, to: 2, num: 256}}" for k in ["c2", "sigma", "lambda"]) + \
       ", p2: {from: 0, to: 1, num: 256}, seed: {from: 1, to: 256, num: 256}" + \
       ", d: {from: 10, to: 265, num: 256}, n: {from: 10, to: 265, num: 256}, m: {from: 10, to: 265, num: 256}"
study("grid-overflow-2pow64", "name: h\ncompute: theory\nmodel: rp\n" + "sweep: {" + many + "}\n")
study("grid-overflow-fixed", "name: h\ncompute: theory\n" + "fixed: {model: rp}\nsweep: {" + many + "}\n")
study("grid-2e6", BASE.replace(FIXED, "fixed: {d: 10, n: 20, c2: 1, sigma: 0.5}\n")
      + "sweep: {p2: {from: 0, to: 1, num: 2000}, lambda: {from: 0.1, to: 1, num: 1000}}\n")
# Simulation sizes (memory, rows).
study("sim-memory", "name: h\ncompute: simulation\nruns: 2\n" + fixed(d="40000", n="40000"))
study("sim-rows", "name: h\ncompute: simulation\nruns: 2\n" + fixed(d="10", n="100000000"))
study("sim-kernel", "name: h\ncompute: simulation\nruns: 2\n" + fixed(d="16000000", n="4000"))
study("sim-limit-bad", BASE + "simulation_limits: {zeta: 1}\n")
study("sim-limit-nan", BASE + "simulation_limits: {n: x}\n")
study("sim-limit-list", BASE + "simulation_limits: [1]\n")
# Figures and quick (quick-* files run with --quick).
for i, v in enumerate(["5", "[{name: f, x: zeta}]", "[{name: f, type: pie, x: p2}]", "[{name: a, type: pareto}, {name: a, type: pareto}]",
                       "[{name: ../../x, type: pareto}]", "[{name: f, type: line, x: p2, log_x: maybe}]", "[7]"]):
    study(f"figures-{i}", "name: h\ncompute: theory\n" + fixed(p2="0.1").replace("p2: 0.1, ", "")
          + "sweep: {p2: [0, 0.1]}\nfigures: " + v + "\n")
for i, v in enumerate(["5", "{runs: 0}", "{colour: 1}", "{fixed: {d: -1}}", "{sweep: {p2: []}}", "[1]"]):
    study(f"quick-{i}", BASE + "quick: " + v + "\n")
# Image study files are routed by kind: image.
study("image-bad-kind", "kind: imagee\nname: h\n")
study("image-dup-kind", "kind: image\nkind: image\nname: h\n")

# Issue 20: limits that reflect cost, refused in milliseconds before any work.
study("gen-boundary-rows-1e7", "name: h\nkind: generations\nd: 10\nn: 40\ngenerations: 6\nruns: 2\nboundary_rows: 10000000\n")
study("gen-boundary-rows-1e5", "name: h\nkind: generations\nd: 10\nn: 40\ngenerations: 6\nruns: 2\nboundary_rows: 100000\n")
study("sweep-list-1e5-x20", "name: h\ncompute: theory\nfixed: {d: 10, n: 20, c2: 1, sigma: 0.5, lambda: 0.1}\n"
      + "sweep: {p2: [" + ", ".join(str(i / 100000) for i in range(100000)) + "], seed: {from: 1, to: 20, num: 20}}\n")
study("sweep-range-1e5-x20", "name: h\ncompute: theory\nfixed: {d: 10, n: 20, c2: 1, sigma: 0.5, lambda: 0.1}\n"
      + "sweep: {p2: {from: 0, to: 1, num: 100000}, seed: {from: 1, to: 20, num: 20}}\n")
# Issue 20: checks made before work starts (and reported by --plan), not inside cells.
TS = "name: h\nkind: twosource\nd: 10\nalphas: [0, 0.5]\nsim_alphas: [0.5]\nruns: 2\nstrategy_ns: [200]\nclaim_ns: [300]\n"
study("twosource-sim-rows", TS + "ns: [100, 100000000]\n")
study("twosource-sim-memory", TS.replace("d: 10", "d: 20000") + "ns: [100000]\n")
study("twosource-p2-1", TS + "ns: [100]\np2: 1\n")
study("twosource-no-real-row", TS + "ns: [100]\np2: 0.999\n")
study("twosource-claim-no-real-row", TS.replace("claim_ns: [300]", "claim_ns: [300, 1000]") + "ns: [100]\np2: 0.9995\n")
study("gen-d5000-n1e6", "name: h\nkind: generations\nd: 5000\nn: 1000000\ngenerations: 6\nruns: 2\n")
study("gen-n-1e6", "name: h\nkind: generations\nd: 10\nn: 1000000\ngenerations: 6\nruns: 2\n")
repo = os.path.join(here, "..", "..", "..", "..", "..")
with open(os.path.join(repo, "studies", "generations-image.yaml")) as f:
    LOOP = f.read()
with open(os.path.join(repo, "studies", "mnist.yaml")) as f:
    IMAGE = f.read()
study("image-loop-cifar", LOOP.replace("dataset: mnist ", "dataset: cifar "))
study("image-loop-cifar10", LOOP.replace("dataset: mnist ", "dataset: CIFAR-10 "))
study("image-loop-too-many-images", LOOP.replace("dataset: mnist ", 'dataset: tiny\ndata_dir: "{res}/idx-100" ')
      .replace("rows: 2000 ", "rows: 40 "))
study("image-cifar", IMAGE.replace("dataset: mnist ", "dataset: cifar "))

for name, data in studies.items():
    with open(os.path.join(S, name + ".yaml"), "wb") as f:
        f.write(data)

spectra = {
    "negative.txt": "1\n2\n-3\n", "zero.txt": "1 0 2\n", "nan.txt": "1 NaN 2\n", "inf.txt": "1 Infinity\n",
    "secret.txt": "hunter2-SECRET-TOKEN\n", "empty.txt": "# only a comment\n", "ratio.txt": "1e300\n1e-300\n1\n",
    "subnormal.txt": "1\n4.9e-324\n", "three.txt": "1 2 3\n",
}
for name, text in spectra.items():
    with open(os.path.join(P, name), "w") as f:
        f.write(text)
with open(os.path.join(P, "utf16.txt"), "wb") as f:
    f.write(b"\xff\xfe" + "1\n2\n".encode("utf-16-le"))

BASEFLAGS = [("--d", "10"), ("--n", "20"), ("--p2", "0.1"), ("--sigma", "0.5"), ("--lambda", "0.1")]
flags = []
def flag(line):
    flags.append(line)
def merged(extra):
    """The base flags with those in extra replacing (not repeating) the same flag."""
    toks = extra.split(" ")
    given = {t for t in toks if t.startswith("--")}
    return " ".join(f"{k} {v}" for k, v in BASEFLAGS if k not in given) + " " + extra
for cmd in ["theory", "simulate --runs 2"]:
    for f in ["--d 0", "--d -1", "--d 99999999999", "--d abc", "--n 0", "--n -5", "--n 1e3", "--n 10000000000000000",
              "--p2 1.5", "--p2 -0.1", "--p2 NaN", "--p2 Infinity", "--c2 -1", "--c2 NaN", "--sigma -1", "--sigma NaN",
              "--lambda -1", "--lambda NaN", "--lambda Infinity", "--model cnn", "--model rp", "--model rp --m 0",
              "--spectrum power:-1", "--spectrum power:abc", "--spectrum power:114.2 --d 73", "--spectrum power:400",
              "--spectrum file:/dev/zero --d 0", "--spectrum file:/nonexistent --d 0", "--spectrum file:/etc/passwd --d 0",
              "--spectrum file:{res}/spectra --d 0", "--spectrum file:{res}/spectra/negative.txt --d 0",
              "--spectrum file:{res}/spectra/zero.txt --d 0", "--spectrum file:{res}/spectra/secret.txt --d 0",
              "--spectrum file:{res}/spectra/ratio.txt --d 0", "--spectrum file:{res}/spectra/subnormal.txt --d 0",
              "--spectrum file:{res}/spectra/utf16.txt --d 0", "--spectrum file:{res}/spectra/three.txt --d 5",
              "--synthetic-spectrum power:-1", "--synthetic-spectrum file:/dev/zero", "--schedule foo",
              "--estimator foo", "--generations -1", "--fresh-real 2", "--synthetic-weight -1", "--synthetic-sigma -1",
              "--delta 1"]:
        flag(f"{cmd} {merged(f)}")
for f in ["--runs 0", "--runs -1", "--runs 2000000000", "--runs 99999999999", "--d 40000 --n 40000",
          "--threads 0", "--threads -1", "--threads 100000", "--n 100000000", "--model rp --m 16777217",
          "--seed abc"]:
    flag(f"simulate {merged(f)}")
for f in ["{res}/nonexistent.yaml", "{res}/studies", "/dev/zero", "/dev/urandom", "{res}/spectra/secret.txt",
          "{res}/base.yaml --threads 0", "{res}/base.yaml --shard 0/0", "{res}/base.yaml --shard 3/2",
          "{res}/base.yaml --shard x", "{res}/base.yaml --shard 1/0", "{res}/base.yaml --engine spark",
          "{res}/base.yaml --merge {tmp}/none.db", "{res}/base.yaml --merge {res}/studies",
          "{res}/base.yaml --db {res}/studies", "{res}/base.yaml --rows -1", "{res}/base.yaml --threads 100000"]:
    flag(f"run {f} --out {{tmp}}/out --no-figures")
for f in ["{tmp}/nothing", "{res}/empty.db", "{res}/spectra/secret.txt", "{res}/studies/png-header.yaml",
          "{res}/empty.db --format xml", "{tmp}/nothing --format csv -o -"]:
    flag(f"export {f}")
for f in ["--members 127.0.0.1 --port 0", "--members 127.0.0.1 --port 70000", "--members ''", "--members 'a b'",
          "--members 127.0.0.1 --interface 999.1.1.1"]:
    flag(f"worker {f}")
# Issue 20: cost limits, values that overflow, contradictions, unusable output paths, resources.
T = "theory " + " ".join(f"{k} {v}" for k, v in BASEFLAGS)
for f in ["--schedule accumulate --generations 10000 --runs 2", "--schedule accumulate --generations 5000 --runs 2"]:
    flag(f"simulate {merged(f)}")
for f in ["--sigma 1e200", "--sigma 1e101", "--synthetic-sigma 1e200", "--synthetic-weight 1e308",
          "--synthetic-weight 1e50 --p2 0.5", "--lambda 1e200", "--c2 1e300", "--c2 1e308"]:
    flag(f"theory {merged(f)}")
    flag(f"simulate --runs 2 {merged(f)}")
for f in ["--m 5", "--model ridge --m 5", "--fresh-real 0.5", "--schedule accumulate", "--schedule accumulate-subsample",
          "--estimator prior --synthetic-weight 2", "--estimator prior --synthetic-sigma 0.1",
          "--estimator prior --synthetic-spectrum power:1"]:
    flag(f"theory {merged(f)}")
    flag(f"simulate --runs 2 {merged(f)}")
for f in ["--sigma 1e200", "--synthetic-sigma 1e200", "--c2 1e300", "--out /dev/null", "--out {res}/base.yaml"]:
    flag(f"advise --d 10 --n1 20 --n2 20 --c2 0.5 {f}".replace("--c2 0.5 --c2", "--c2"))
for f in ["--out /dev/null", "--out {res}/base.yaml", "--out {tmp}/out --db {res}/base.yaml/results.db",
          "--out {res}/base.yaml --plan"]:
    flag(f"run {{res}}/base.yaml {f} --no-figures")
flag("export {tmp}/nothing -o {res}/base.yaml/out.csv")
flag("reproduce --out {res}/base.yaml --quick")
for f in ["--threads 8030", "--threads 0", "--allow-host '*'", "--allow-host '*.example.org'", "--allow-host host:80",
          "--host 8.8.8.8", "--host 192.0.2.1"]:
    flag(f"serve --port 0 {f}")
for f in ["--members nosuchhost.invalid --port 5999", "--members 127.0.0.1,nosuchhost.invalid"]:
    flag(f"worker {f}")
# --plan reports the checks made before work (it used to say all is well, then cells failed).
for f in ["gen-d5000-n1e6", "gen-boundary-rows-1e7", "twosource-sim-rows", "twosource-p2-1", "image-loop-cifar",
          "sweep-list-1e5-x20"]:
    flag(f"run {{res}}/studies/{f}.yaml --plan --out {{tmp}}/out")
with open(os.path.join(here, "flags.txt"), "w") as f:
    f.write("# One command line per line ({res}: this folder, {tmp}: a fresh folder); each must exit 2 with one line.\n")
    for line in flags:
        f.write(line + "\n")
with open(os.path.join(here, "base.yaml"), "w") as f:
    f.write(BASE)
open(os.path.join(here, "empty.db"), "wb").close()
# An IDX training-image file whose header announces 100 images (only the header is read before work).
os.makedirs(os.path.join(here, "idx-100"), exist_ok=True)
with open(os.path.join(here, "idx-100", "train-images-idx3-ubyte"), "wb") as f:
    f.write(bytes([0, 0, 8, 3, 0, 0, 0, 100, 0, 0, 0, 28, 0, 0, 0, 28]))

print(len(studies), "studies,", len(flags), "flag cases")
