"""Sweeps: many training runs over a grid of settings and seeds, on every core or a Ray cluster (``ganviz sweep``,
``ganviz compare``).

* ``grid.py``     -- the jobs: a grid over TrainConfig fields times seeds, or methods times seeds; each job's key.
* ``engine.py``   -- runs them with Ray (optional: ``pip install 'ganviz[sweep]'``) or in this process, streaming
  rows to a resumable JSON Lines file.
* ``stacked.py``  -- runs of one shape trained at once in one process (``--stack``: torch.func, vmap).
* ``progress.py`` -- the progress bar with the ETA.
* ``maps.py``     -- rows summed up per cell, and the stability maps shipped in ``ganviz/files/sweeps/``.
"""
