"""Dataset round trips: Parquet and Hugging Face save_to_disk / load_from_disk."""

from __future__ import annotations

import pyarrow.parquet as pq
from datasets import load_from_disk

from pipeline import to_dataset, to_pandas
from pipeline.dataset import CLAIM_FIELDS, claim_records, write_dataset, write_parquet


def test_parquet_round_trip(tmp_path, seed_doc):
    records = claim_records(seed_doc)
    assert records
    write_parquet(tmp_path / "claims.parquet", records)
    table = pq.read_table(tmp_path / "claims.parquet")
    assert table.column_names == list(CLAIM_FIELDS)
    back = table.to_pylist()
    assert [r["claim_id"] for r in back] == [r["claim_id"] for r in records]
    assert back[0]["evidence"] == records[0]["evidence"]


def test_save_to_disk_round_trip(tmp_path, seed_doc):
    records = claim_records(seed_doc)
    write_dataset(tmp_path / "dataset", records, [])
    data = load_from_disk(str(tmp_path / "dataset"))
    assert data["claims"].num_rows == len(records)
    assert data["claims"].features["negated"].dtype == "bool"
    assert data["claims"][0]["subject"] == records[0]["subject"]


def test_api_tables(seed_doc):
    ds = to_dataset([seed_doc])
    df = to_pandas([seed_doc])
    assert ds.num_rows == len(df) == len(seed_doc.claims)
    assert list(df.columns) == list(CLAIM_FIELDS)
