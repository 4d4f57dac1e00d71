"""irclaims: typed, grounded claims from international-relations commentary."""

from .model import Claim, Document, Mention, Sentence
from .pipeline import Pipeline

__all__ = ["Claim", "Document", "Mention", "Pipeline", "Sentence", "to_dataset", "to_pandas"]


def to_dataset(docs):  # noqa: ANN001, ANN201 - thin lazy wrapper, see pipeline.dataset
    """Claims of `docs` as a Hugging Face `datasets.Dataset` with an explicit schema."""
    from .dataset import to_dataset as build

    return build(docs)


def to_pandas(docs):  # noqa: ANN001, ANN201
    """Claims of `docs` as a pandas DataFrame."""
    from .dataset import to_pandas as build

    return build(docs)
