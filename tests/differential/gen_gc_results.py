#!/usr/bin/env python3
# gen_gc_results.py CLVM SEED PROGRAMS PER_PROGRAM > cases.txt
# Differential cases for the collector (ENABLE_GC) keeping an operator's new result across its
# rewind (docs/performance.md, "Results moved down"): recursions whose every level returns an atom
# made from the level below's result — longer (lsh, ash, concat, *, +), shorter (substr, sha256),
# sharing its bytes (substr, concat onto it), or wrapped in a pair — so the result is moved down
# over garbage of every ratio around the half-its-length rule; raises and cost limits part way.
# CLVM is our `clvm` (used only to assemble); each program gets PER_PROGRAM lines
# `program env max_cost flags`. Feed the file to scripts/differential_native.sh --cases.
import random, subprocess, sys
clvm = sys.argv[1]; seed = int(sys.argv[2]); nprog = int(sys.argv[3]); per = int(sys.argv[4])
rng = random.Random(seed)
# The level below's result (the environment is (X N): 5 is X, 11 is N).
R = '(a 2 (c 2 (c 5 (c (- 11 (q . 1)) ()))))'
def shift():
    return rng.choice([1, 7, 8, 64, 100, 1000, 4096, 8191, 65535])
def level(r):
    forms = [
        lambda: f'(lsh {r} (q . {shift()}))',
        lambda: f'(ash {r} (q . {shift()}))',
        lambda: f'(concat {r} 5)',
        lambda: f'(concat 5 {r})',
        lambda: f'(concat {r} {r})',
        lambda: f'(concat {r} {r} {r})',
        lambda: f'(concat {r} (sha256 {r}))',
        lambda: f'(substr {r} (q . {rng.choice([0, 1, 2])}))',
        lambda: f'(substr (concat {r} 5) (q . 0) (q . {rng.choice([0, 1, 40, 48, 49, 100])}))',
        lambda: f'(* {r} (q . {rng.choice([3, 255, 65537, -1])}))',
        lambda: f'(+ {r} {r})',
        lambda: f'(logior {r} 5)',
        lambda: f'(sha256 (concat {r} 5))',
        lambda: f'(f (c (lsh {r} (q . {shift()})) (q . 7)))',
        lambda: f'(a (q . (lsh 2 (q . {shift()}))) (c {r} ()))',
        lambda: f'(c (strlen {r}) (q . 1))',
        lambda: f'(i (= 11 (q . {rng.randrange(1, 30)})) (x {r}) (concat {r} 5))',
    ]
    return rng.choice(forms)()
def program():
    body = level(R)
    if rng.random() < 0.3:  # two operators per level
        body = level(body) if rng.random() < 0.5 else body.replace(R, level(R), 1)
    fin = rng.choice(['5', '(q . ())', '(concat 5 5)', '(sha256 5)', '(q . 1)'])
    it = f'(a (i (> 11 (q . 0)) (q . {body}) (q . {fin})) 1)'
    return f'(a (q 2 2 (c 2 (c 5 (c 11 ())))) (c (q . {it}) 1))'
def env():
    x = rng.choice([0, 1, 3, 20, 47, 48, 49, 100, 600, 1500, 5000])
    n = rng.choice([1, 2, 3, 5, 10, 20, 40, 60])
    head = 'ff' + (('80' if x == 0 else encode(bytes(rng.randrange(1, 256) for _ in range(x)))))
    return head + 'ff' + encode(n.to_bytes(1, 'big')) + '80'
def encode(b):
    n = len(b)
    if n == 1 and b[0] < 0x80:
        return b.hex()
    if n < 0x40:
        return f'{0x80 | n:02x}' + b.hex()
    if n < 0x2000:
        return f'{0xc000 | n:04x}' + b.hex()
    return f'{0xe00000 | n:06x}' + b.hex()
progs = []
for _ in range(nprog):
    r = subprocess.run([clvm, 'asm', '-q', program()], capture_output=True, text=True)
    if r.returncode == 0 and r.stdout.strip():
        progs.append(r.stdout.strip())
flags = [0x20, 0x20, 0x20, 0x24, 0x2020, 0x2024, 0, 0x4]
out = []
for p in progs:
    for _ in range(per):
        cost = rng.choice([11000000000, 11000000000, 100000000, 1000000, 30000])
        out.append(f'{p} {env()} {cost} {rng.choice(flags)}')
print('\n'.join(out))
