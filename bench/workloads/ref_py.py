"""Python references: NumPy loops and vectorised NumPy, PyTorch (CPU, 2 threads), emcee.
Usage: python3 ref_py.py IMPL WORKLOAD BUDGET_MS  → one JSON line {seconds, ops, unit[, info]}.
IMPL: numpy | torch | emcee. A missing package exits with code 3 and says so on stderr (the harness reports it)."""
import json
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = json.load(open(os.path.join(HERE, "shared.json")))


def time_it(fn, budget_s, warm=1, per=1):
    for _ in range(warm):
        fn()
    ops = 0
    t0 = time.perf_counter()
    while True:
        fn()
        ops += per
        el = time.perf_counter() - t0
        if el >= budget_s:
            return {"seconds": el / ops, "ops": ops}


def need(mod):
    try:
        return __import__(mod)
    except ImportError as e:
        sys.stderr.write(f"missing Python module {mod} ({e})\n")
        sys.exit(3)


def numpy_workloads(w, budget):
    np = need("numpy")
    rng = np.random.default_rng(1)

    def rwm(d, n, step):
        # a Python loop over steps with NumPy arrays (the way a NumPy course notebook writes MH)
        cur = np.zeros(d)
        lcur = 0.0
        out = np.empty((n, d))
        for t in range(n):
            prop = cur + step * rng.standard_normal(d)
            lp = -0.5 * float(prop @ prop)
            if lp - lcur >= 0 or np.log(rng.random()) < lp - lcur:
                cur, lcur = prop, lp
            out[t] = cur
        return out

    def gibbs(n, rho):
        sd = np.sqrt(1 - rho * rho)
        x = y = 0.0
        out = np.empty((n, 2))
        for t in range(n):
            x = rho * y + sd * rng.standard_normal()
            y = rho * x + sd * rng.standard_normal()
            out[t, 0] = x
            out[t, 1] = y
        return out

    if w == "rwm1d":
        n = 20000
        return {**time_it(lambda: rwm(1, n, 2.4), budget, per=n), "unit": "step"}
    if w == "rwm10d":
        n = 20000
        return {**time_it(lambda: rwm(10, n, 2.4 / np.sqrt(10)), budget, per=n), "unit": "step"}
    if w == "gibbs2d":
        n = 20000
        return {**time_it(lambda: gibbs(n, 0.9), budget, per=n), "unit": "sweep"}
    if w == "stationary500":
        g = np.random.default_rng(5)
        P = g.random((SHARED["chainStates"], SHARED["chainStates"]))
        P /= P.sum(1, keepdims=True)
        n = P.shape[0]

        def solve():
            A = P.T - np.eye(n)
            A[-1] = 1
            b = np.zeros(n)
            b[-1] = 1
            return np.linalg.solve(A, b)

        return {**time_it(solve, budget), "unit": "solve", "info": "np.linalg.solve"}
    if w == "stationary500eig":
        g = np.random.default_rng(5)
        P = g.random((SHARED["chainStates"], SHARED["chainStates"]))
        P /= P.sum(1, keepdims=True)

        def eig():
            vals, vecs = np.linalg.eig(P.T)
            v = np.real(vecs[:, np.argmin(np.abs(vals - 1))])
            return v / v.sum()

        return {**time_it(eig, budget), "unit": "solve", "info": "np.linalg.eig"}
    if w == "iwae5000":
        # toySetting: p(z) = N(0,1), p(x|z) = N(z, 1), x = 1, q = N(0, 1); log w = log p(x,z) − log q(z)
        K = SHARED["iwaeK"]
        L2P = np.log(2 * np.pi)

        def bound():
            z = rng.standard_normal(K)
            logw = (-0.5 * z * z - 0.5 * L2P) + (-0.5 * (1 - z) ** 2 - 0.5 * L2P) - (-0.5 * z * z - 0.5 * L2P)
            m = logw.max()
            return m + np.log(np.mean(np.exp(logw - m)))

        return {**time_it(bound, budget), "unit": "bound (K=5000)"}
    sys.stderr.write(f"no NumPy reference for {w}\n")
    sys.exit(2)


def load_fmnist(n):
    import gzip
    import numpy as np
    p = "/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz"
    if not os.path.exists(p):
        sys.stderr.write(f"missing {p} (apt-get install dataset-fashion-mnist)\n")
        sys.exit(3)
    raw = gzip.open(p).read()
    return np.frombuffer(raw, dtype=np.uint8, offset=16)[: n * 784].reshape(n, 784).astype(np.float32) / 255


def torch_workloads(w, budget):
    torch = need("torch")
    threads = int(os.environ.get("BENCH_TORCH_THREADS", "2"))
    torch.set_num_threads(threads)
    torch.manual_seed(0)
    nn = torch.nn
    info = f"torch {torch.__version__}, {threads} threads"
    if w == "vaeStep":
        B = SHARED["vaeBatch"]
        xs = torch.from_numpy(load_fmnist(4 * B)).split(B)
        enc = nn.Sequential(nn.Linear(784, 400), nn.ReLU(), nn.Linear(400, 40))
        dec = nn.Sequential(nn.Linear(20, 400), nn.ReLU(), nn.Linear(400, 784))
        opt = torch.optim.Adam(list(enc.parameters()) + list(dec.parameters()), 1e-3)
        k = [0]
        c = 0.5 * 784 * float(torch.log(torch.tensor(2 * torch.pi)))

        def step():
            x = xs[k[0] % 4]
            k[0] += 1
            out = enc(x)
            mu, lv = out[:, :20], out[:, 20:]
            u = mu + torch.exp(0.5 * lv) * torch.randn(B, 20)
            r = dec(u)
            rec = (0.5 * ((x - r) ** 2).sum(1) + c).mean()
            kl = (0.5 * (mu ** 2 + lv.exp() - 1 - lv).sum(1)).mean()
            loss = rec + kl
            opt.zero_grad()
            loss.backward()
            opt.step()
            return loss.item()

        return {**time_it(step, budget, warm=3), "unit": "step", "info": info}
    if w == "ganToyStep":
        # the [GAN-A] 1-D toy: G(z) = a z + b, D(x) = σ(c2 x² + c1 x + c0); alternating SGD, batch m
        m = SHARED["toyBatch"]
        phi = torch.tensor([1.0, 0.0], requires_grad=True)
        psi = torch.tensor([0.1, 0.1, 0.1], requires_grad=True)
        optD = torch.optim.SGD([psi], lr=0.05, maximize=True)
        optG = torch.optim.SGD([phi], lr=0.05)
        F = torch.nn.functional

        def logit(x):
            return psi[0] * x * x + psi[1] * x + psi[2]

        def step():
            x = 4 + 1.25 * torch.randn(m)
            z = torch.randn(m)
            v = (F.logsigmoid(logit(x)) + F.logsigmoid(-logit((phi[0] * z + phi[1]).detach()))).mean()
            optD.zero_grad()
            v.backward()
            optD.step()
            z = torch.randn(m)
            g = -F.logsigmoid(logit(phi[0] * z + phi[1])).mean()
            optG.zero_grad()
            g.backward()
            optG.step()

        return {**time_it(lambda: [step() for _ in range(20)], budget, per=20), "unit": "step", "info": info}
    if w == "ganMlpStep":
        B, Z, H = SHARED["ganBatch"], SHARED["ganZ"], SHARED["ganHidden"]
        xs = (torch.from_numpy(load_fmnist(4 * B)) * 2 - 1).split(B)
        G = nn.Sequential(nn.Linear(Z, H), nn.ReLU(), nn.Linear(H, 784), nn.Tanh())
        D = nn.Sequential(nn.Linear(784, H), nn.LeakyReLU(0.2), nn.Linear(H, 1))
        optD = torch.optim.Adam(D.parameters(), 2e-4, betas=(0.5, 0.999))
        optG = torch.optim.Adam(G.parameters(), 2e-4, betas=(0.5, 0.999))
        F = torch.nn.functional
        k = [0]

        def step():
            x = xs[k[0] % 4]
            k[0] += 1
            z = torch.randn(B, Z)
            ld = F.softplus(-D(x)).mean() + F.softplus(D(G(z).detach())).mean()
            optD.zero_grad()
            ld.backward()
            optD.step()
            lg = F.softplus(-D(G(z))).mean()
            optG.zero_grad()
            lg.backward()
            optG.step()
            return ld.item() + lg.item()

        return {**time_it(step, budget, warm=3), "unit": "step (D+G)", "info": info}
    sys.stderr.write(f"no PyTorch reference for {w}\n")
    sys.exit(2)


def emcee_workloads(w, budget):
    emcee = need("emcee")
    np = need("numpy")
    if w not in ("rwm1d", "rwm10d"):
        sys.stderr.write(f"no emcee reference for {w}\n")
        sys.exit(2)
    d = 1 if w == "rwm1d" else 10
    walkers = 32
    steps = 1000
    # random-walk Metropolis in emcee: GaussianMove (a Metropolis move per walker), vectorised log-density
    move = emcee.moves.GaussianMove(np.eye(d) * (2.4 / np.sqrt(d)) ** 2)
    logp = lambda X: -0.5 * np.sum(X * X, axis=1)
    rng = np.random.default_rng(1)

    def run():
        s = emcee.EnsembleSampler(walkers, d, logp, moves=move, vectorize=True)
        s.run_mcmc(rng.standard_normal((walkers, d)), steps, progress=False)
        return s

    return {**time_it(run, budget, per=walkers * steps), "unit": "step", "info": f"emcee {emcee.__version__}, {walkers} walkers, GaussianMove"}


if __name__ == "__main__":
    impl, w, budget = sys.argv[1], sys.argv[2], float(sys.argv[3]) / 1000
    fn = {"numpy": numpy_workloads, "torch": torch_workloads, "emcee": emcee_workloads}[impl]
    print(json.dumps(fn(w, budget)))
