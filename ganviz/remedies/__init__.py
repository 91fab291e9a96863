"""Remedies for mode collapse (unrolled GAN, PacGAN, minibatch std) and the catalogue of methods that the race and ``ganviz compare`` train."""
