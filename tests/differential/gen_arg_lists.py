#!/usr/bin/env python3
# gen_arg_lists.py CLVM SEED PROGRAMS PER_PROGRAM > cases.txt
# Differential cases for the evaluator's argument lists (given back once their operator has read
# them, docs/performance.md): random nested expressions that build, consume and return lists;
# programs built at run time (their pairs are the newest) applied with `a` and in the ((X) . args)
# form; recursions whose levels wait on the way back; softfork guards; errors after arguments were
# consumed. CLVM is our `clvm` (used only to assemble); each program gets PER_PROGRAM lines
# `program env max_cost flags` with random environments, cost limits and flags. Feed the file to
# scripts/differential_native.sh --cases.
import random, subprocess, sys
clvm = sys.argv[1]; seed = int(sys.argv[2]); nprog = int(sys.argv[3]); per = int(sys.argv[4])
rng = random.Random(seed)
def leaf():
    return rng.choice(['1', '2', '5', '11', '23', '()', '(q . 7)', '(q . -3)', '(q . 0x00ff)', '(q . "abc")',
                       '(q 1 2 3)', '(q (1 . 2) 3)', '(q . ())', '(q . 200)', '(q . 0x8000000000)'])
ops1 = ['f', 'r', 'l', 'sha256', 'strlen', 'not', 'lognot']
ops2 = ['c', '+', '-', '*', 'divmod', '/', 'concat', '=', '>', '>s', 'logand', 'logxor', 'ash', 'lsh']
def e(d):
    return expr(d - 1)
def nary(op, most):
    return lambda d: f'({op} {" ".join(e(d) for _ in range(rng.randrange(0, most)))})'
# The productions of a node d deep, with their weights (percent).
productions = [
    (20, lambda d: f'({rng.choice(ops1)} {e(d)})'),
    (30, lambda d: f'({rng.choice(ops2)} {e(d)} {e(d)})'),
    (7, lambda d: f'(i {e(d)} {e(d)} {e(d)})'),
    (7, nary('+', 5)),
    (6, nary('concat', 4)),
    # apply a quoted program to a built environment
    (6, lambda d: f'(a (q . {e(d)}) (c {e(d)} (c {e(d)} (c {e(d)} ()))))'),
    # a program built at run time
    (6, lambda d: f'(a (c (q . {rng.choice(["4", "5", "6", "16", "17", "14", "9", "2", "7"])}) '
                  f'(c (q . {e(d)}) (c (q . {e(d)}) ()))) 1)'),
    # ((X) . args) built at run time: its operands are the newest pairs
    (6, lambda d: f'(a (c (c (q . {rng.choice(["4", "5", "6", "7", "9", "14", "16", "1"])}) ()) '
                  f'(c {e(d)} (c {e(d)} ()))) 1)'),
    # the same, literal
    (3, lambda d: f'(({rng.choice(["c", "f", "r", "+", "concat", "l"])}) {leaf()} {leaf()})'),
    (3, lambda d: f'(softfork (q . {rng.choice([1, 50, 100, 1000, 5000])}) (q . 0) (q . {e(d)}) {e(d)})'),
    (2, lambda d: f'(x {e(d)})'),
    (2, lambda d: f'(substr {e(d)} (q . {rng.choice([0, 1, 2])}) (q . {rng.choice([1, 2, 3])}))'),
    (2, lambda d: f'(f (c {e(d)} {e(d)}))'),
]
def expr(d):
    if d <= 0 or rng.random() < 0.2:
        return leaf()
    weights, makers = zip(*productions)
    return rng.choices(makers, weights)[0](d)
def loop():
    body = expr(2).replace(' 5', ' 11')
    comb = rng.choice(['(+ (a 2 (c 2 (c (- 5 (q . 1)) ()))) 5)', '(c {b} (a 2 (c 2 (c (- 5 (q . 1)) ()))))',
                       '(a 2 (c 2 (c (- 5 (q . 1)) ())))', '(f (c (a 2 (c 2 (c (- 5 (q . 1)) ()))) {b}))',
                       '(concat (a 2 (c 2 (c (- 5 (q . 1)) ()))) (sha256 5))'])
    comb = comb.replace('{b}', f'(a (q . {body}) (c 5 (c 5 ())))')
    fin = expr(2)
    it = f'(a (i 5 (q . {comb}) (q . {fin})) 1)'
    return f'(a (q 2 2 (c 2 (c 5 ()))) (c (q . {it}) 1))'
progs = []
src = [loop() if rng.random() < 0.25 else expr(rng.randrange(2, 7)) for _ in range(nprog)]
for s in src:
    r = subprocess.run([clvm, 'asm', '-q', s], capture_output=True, text=True)
    if r.returncode == 0 and r.stdout.strip():
        progs.append(r.stdout.strip())
envs = ['ff0aff05ff0780', 'ff8203e8ff05ff0780', 'ff0180', 'ff01ff0280', 'ff8203e880', 'ff0aff05ff0780', 'ff83616263ff02ff0380', 'ff80ff80ff8080', 'ff8200ffff0780',
        'ffff0102ff0380', 'ff8203e8ff0580', 'ff64ff64ff6480']
flags = [0, 0x20, 0x2000, 0x2020, 0x4, 0x24, 0x10, 0x30, 0x1]
out = []
for p in progs:
    for _ in range(per):
        cost = rng.choice([11000000000, 11000000000, 100000000, 100000, 5000, 1000])
        out.append(f'{p} {rng.choice(envs)} {cost} {rng.choice(flags)}')
print('\n'.join(out))
