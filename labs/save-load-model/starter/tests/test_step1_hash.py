import hashlib
import re

from model_store import sha256_file


def test_step1_hashes_the_training_data(data_file):
    digest = sha256_file(data_file)
    assert re.fullmatch(r"[0-9a-f]{64}", digest), f"expected 64 lower-case hex characters, got {digest!r}"
    assert digest == hashlib.sha256(data_file.read_bytes()).hexdigest()


def test_step1_hashes_bytes_not_text(tmp_path):
    # Windows line endings and a byte that is not UTF-8: reading the file as text changes
    # (or refuses) them, and then the hash describes something other than the file.
    odd = tmp_path / "odd.csv"
    odd.write_bytes(b"name,city\r\nZo\xeb,K\xf6ln\r\n")
    assert sha256_file(odd) == hashlib.sha256(odd.read_bytes()).hexdigest()


def test_step1_one_changed_byte_changes_the_hash(data_file):
    before = sha256_file(data_file)
    data_file.write_bytes(data_file.read_bytes().replace(b",0\n", b",1\n", 1))
    assert sha256_file(data_file) != before


def test_step1_hashes_a_file_larger_than_one_read(tmp_path):
    big = tmp_path / "big.bin"
    big.write_bytes(bytes(range(256)) * 20_000)  # about 5 MB
    assert sha256_file(big) == hashlib.sha256(big.read_bytes()).hexdigest()
