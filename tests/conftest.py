"""Shared fixtures: one pipeline per test session, offline Hugging Face settings."""

from __future__ import annotations

import os
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

os.environ.setdefault("HF_HOME", tempfile.mkdtemp(prefix="irclaims-hf-"))
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ.setdefault("HF_DATASETS_OFFLINE", "1")

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus" / "japan-russia-china-triangle.txt"
SHARED = ROOT.parent / "shared"
PG_ENV = "IRCLAIMS_TEST_POSTGRES_URL"


@pytest.fixture(scope="session")
def nlp():
    """The lexicon pipeline (no classifier): rules under test, nothing learned."""
    from pipeline.pipeline import Pipeline, load_spacy

    return Pipeline(load_spacy())


@pytest.fixture(scope="session")
def seed_doc(nlp):
    from pipeline.reader import read_text_file

    return nlp.process([read_text_file(SEED)])[0]


def claims_of(nlp, text: str, **meta):
    """(subject, type, object) triples of a text, plus the claims themselves."""
    doc = nlp(text, doc_id="t", metadata=meta or None)
    return {(c.subject, c.type, c.object) for c in doc.claims}, doc


@pytest.fixture(scope="session")
def postgres_base_url() -> str:
    url = os.environ.get(PG_ENV)
    if not url:
        pytest.skip(f"{PG_ENV} is not set; PostgreSQL tests skipped "
                    "(start a server with .ci/start-postgres.sh)")
    engine = create_engine(_normalize_url(url), connect_args={"connect_timeout": 5})
    shown = engine.url.render_as_string(hide_password=True)
    try:
        with engine.connect():
            pass
    except Exception as exc:  # any failure to connect means: skip
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        pytest.skip(f"PostgreSQL server {shown} from {PG_ENV} cannot be reached: {reason}")
    finally:
        engine.dispose()
    return url


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database URL: a SQLite file, or a fresh PostgreSQL schema dropped afterwards."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'db' / 'claims.db'}"
        return
    base = request.getfixturevalue("postgres_base_url")
    schema = f"irclaims_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(_normalize_url(base))
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = make_url(_normalize_url(base)).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()



def _normalize_url(url: str) -> str:
    from pipeline.database import normalize_url

    return normalize_url(url)
