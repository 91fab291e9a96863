"""The engine: a config, the Trainer (Algorithm 1), its networks, losses, noise priors, targets, device and optimizer step.

Everything else reads what the Trainer makes; nothing here knows about frames, figures or pages.
"""
