"""optim_step.step: the same update as optimizer.step(), bit for bit, and the same state_dict."""

import copy

import pytest
import torch

from ganviz.core.optim import clear_grads, set_requires_grad, step
from ganviz.core.trainer import cloned


def make(kind: str, net):
    if kind == "adam":
        return torch.optim.Adam(net.parameters(), lr=1e-2, betas=(0.5, 0.999), fused=True)
    if kind == "adam-unfused":
        return torch.optim.Adam(net.parameters(), lr=1e-2, betas=(0.5, 0.999))
    return torch.optim.SGD(net.parameters(), lr=0.05, momentum=0.5 if kind == "sgd" else 0.0, fused=True)


@pytest.mark.parametrize("kind", ["adam", "sgd", "sgd-no-momentum", "adam-unfused"])
def test_step_is_bit_identical_to_the_optimizers_own(kind):
    torch.manual_seed(0)
    net = torch.nn.Sequential(torch.nn.Linear(3, 8), torch.nn.ReLU(), torch.nn.Linear(8, 1))
    twin = copy.deepcopy(net)
    theirs, ours = make(kind, net), make(kind, twin)
    for i in range(6):
        x = torch.randn(16, 3)
        theirs.zero_grad()
        net(x).pow(2).mean().backward()
        theirs.step()
        clear_grads(ours)
        twin(x).pow(2).mean().backward()
        step(ours)
        if i == 3:  # a learning rate changed on the fly (the sliders) is taken
            for opt in (theirs, ours):
                opt.param_groups[0]["lr"] *= 0.5
    for a, b in zip(net.parameters(), twin.parameters()):
        assert torch.equal(a, b)
    mine, reference = ours.state_dict(), theirs.state_dict()
    for index, state in reference["state"].items():
        for name, value in state.items():
            assert torch.equal(torch.as_tensor(value), torch.as_tensor(mine["state"][index][name])), (index, name)


def test_step_falls_back_where_a_gradient_is_missing():
    net = torch.nn.Linear(2, 1)
    opt = make("adam", net)
    net(torch.ones(1, 2)).sum().backward()
    step(opt)  # the first step creates the state through optimizer.step()
    clear_grads(opt)
    assert all(p.grad is None for p in net.parameters())
    before = [p.detach().clone() for p in net.parameters()]
    step(opt)  # no gradients: nothing moves, as with optimizer.step()
    assert all(torch.equal(a, b) for a, b in zip(before, net.parameters()))


def test_set_requires_grad_toggles_every_parameter():
    net = torch.nn.Sequential(torch.nn.Linear(2, 3), torch.nn.Linear(3, 1))
    opt = make("sgd", net)
    set_requires_grad(opt, False)
    assert not any(p.requires_grad for p in net.parameters())
    set_requires_grad(opt, True)
    assert all(p.requires_grad for p in net.parameters())


def test_cloned_state_is_a_deep_copy():
    net = torch.nn.Linear(2, 1)
    opt = make("adam", net)
    net(torch.ones(1, 2)).sum().backward()
    opt.step()
    saved = cloned(opt.state_dict())
    for state in opt.state.values():
        state["exp_avg"].add_(1.0)
    assert not torch.equal(saved["state"][0]["exp_avg"], opt.state_dict()["state"][0]["exp_avg"])
    assert saved["param_groups"][0]["betas"] == (0.5, 0.999)
    opt.load_state_dict(saved)  # what the divergence guard's rollback does
    assert torch.equal(opt.state_dict()["state"][0]["exp_avg"], saved["state"][0]["exp_avg"])
