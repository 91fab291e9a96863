"""One optimizer step without torch.optim's per-step Python around its fused kernel.

``torch.optim.Adam(fused=True).step()`` runs one C++ kernel for all of a net's
parameters, but first its Python wraps the call in a profiler range, rebuilds the
lists of parameters, gradients and moments, and groups them by device and dtype.
For the toy nets here (a few thousand weights) that Python costs about as much as
the update itself. ``step(optimizer)`` calls the same kernel
(``torch._fused_adam_`` / ``torch._fused_sgd_``) on the optimizer's own state
tensors, so the result is bit-identical and ``state_dict()`` keeps working; it
falls back to ``optimizer.step()`` for the first step (which creates the state)
and for any setting the shortcut does not cover.
"""

from __future__ import annotations

import torch


def step(optimizer: torch.optim.Optimizer) -> None:
    """``optimizer.step()``, the same arithmetic, without the per-step Python where it can."""
    if len(optimizer.param_groups) == 1:
        group = optimizer.param_groups[0]
        if isinstance(optimizer, torch.optim.Adam) and _adam(optimizer, group):
            return
        if isinstance(optimizer, torch.optim.SGD) and _sgd(optimizer, group):
            return
    optimizer.step()


def _grads(group) -> list | None:
    grads = [p.grad for p in group["params"]]
    return None if any(g is None for g in grads) else grads


def _adam(optimizer, group) -> bool:
    if not group["fused"] or group["amsgrad"] or group["weight_decay"] or group["maximize"] \
            or group.get("decoupled_weight_decay") or isinstance(group["lr"], torch.Tensor):
        return False
    params, state = group["params"], optimizer.state
    grads = _grads(group)
    if grads is None or any(p not in state for p in params):
        return False
    states = [state[p] for p in params]
    steps = [s["step"] for s in states]
    beta1, beta2 = group["betas"]
    torch._foreach_add_(steps, 1)
    torch._fused_adam_(params, grads, [s["exp_avg"] for s in states], [s["exp_avg_sq"] for s in states], [], steps,
                       amsgrad=False, lr=group["lr"], beta1=beta1, beta2=beta2, weight_decay=0.0,
                       eps=group["eps"], maximize=False, grad_scale=None, found_inf=None)
    return True


def _sgd(optimizer, group) -> bool:
    if not group["fused"] or group["weight_decay"] or group["maximize"] or group["nesterov"] \
            or group["dampening"] or isinstance(group["lr"], torch.Tensor):
        return False
    params, state = group["params"], optimizer.state
    grads = _grads(group)
    if grads is None:
        return False
    if group["momentum"]:
        buffers = [state[p].get("momentum_buffer") if p in state else None for p in params]
        if any(b is None for b in buffers):
            return False
    else:
        buffers = []
    torch._fused_sgd_(params, grads, buffers, weight_decay=0.0, momentum=group["momentum"], lr=group["lr"],
                      dampening=0.0, nesterov=False, maximize=False, is_first_step=False,
                      grad_scale=None, found_inf=None)
    return True


def clear_grads(optimizer: torch.optim.Optimizer) -> None:
    """``optimizer.zero_grad(set_to_none=True)``: every parameter's gradient to None, in a plain loop."""
    for group in optimizer.param_groups:
        for p in group["params"]:
            p.grad = None


def set_requires_grad(optimizer: torch.optim.Optimizer, flag: bool) -> None:
    """``net.requires_grad_(flag)`` for the parameters ``optimizer`` updates, without walking the module tree."""
    for group in optimizer.param_groups:
        for p in group["params"]:
            p.requires_grad_(flag)
