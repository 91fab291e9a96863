"""MNIST: a pretrained generator the class can sample, and the paper's Table-1 evaluation.

``load_generator().sample(n, seed)`` -> float32 (n, 28, 28) in [0, 1]. The weights ship
in ``ganviz/mnist/weights`` (safetensors, with ``card.json``); ``python -m ganviz mnist
--help`` lists the commands that made and measured them.
"""

from .idx import IdxError, data_dir, has_data, load_split
from .weights import PretrainedGenerator, WeightsError, load_classifier, load_generator, read_card, read_progress

__all__ = ["IdxError", "PretrainedGenerator", "WeightsError", "data_dir", "has_data", "load_classifier",
           "load_generator", "load_split", "read_card", "read_progress"]
