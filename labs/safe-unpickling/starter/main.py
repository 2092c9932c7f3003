"""Run the whole story: a pickle that runs code, the allow-list that stops it, and a signed model file.

Each part says so when its step is not done yet; the tests (pytest) check the details.
"""

import os
import pickle
import secrets
import tempfile

import safe_loading
import unsafe_demo
from model import example_model

ROW = {"tenure_months": 12, "monthly_charges": 70.5, "support_calls": 3}


def part(title, run):
    print(f"\n== {title}")
    try:
        run()
    except NotImplementedError as todo:
        print(f"   not done yet: {todo}")


def step1(folder):
    marker = os.path.join(folder, "you-were-here")
    payload = unsafe_demo.craft_payload(marker)
    print(f"   marker exists before loading: {os.path.exists(marker)}")
    pickle.loads(payload)
    print(f"   marker exists after pickle.loads: {os.path.exists(marker)}  <- code ran on load")


def step2(folder):
    model = safe_loading.safe_loads(pickle.dumps(example_model()))
    print(f"   a real model loads and scores {model.score(ROW):.3f}")
    marker = os.path.join(folder, "blocked")
    try:
        safe_loading.safe_loads(unsafe_demo.craft_payload(marker))
    except pickle.UnpicklingError as refused:
        print(f"   the crafted pickle is refused: {refused}")
    print(f"   marker exists: {os.path.exists(marker)}")


def step3(folder):
    # For this demo only: a random key in this process's environment. In production the key
    # comes from a secret store, and the loading service gets it the same way.
    os.environ.setdefault(safe_loading.KEY_VARIABLE, secrets.token_hex(32))
    key = safe_loading.key_from_env()
    path = os.path.join(folder, "churn-model.signed")
    safe_loading.save_signed(example_model(), path, key)
    print(f"   loaded after verifying: score {safe_loading.load_signed_file(path, key).score(ROW):.3f}")
    with open(path, "rb") as f:
        blob = bytearray(f.read())
    blob[-5] ^= 1  # one bit flipped near the end
    try:
        safe_loading.load_signed(bytes(blob), key)
    except safe_loading.SignatureError as refused:
        print(f"   one flipped bit: {refused}")


with tempfile.TemporaryDirectory() as folder:
    part("Step 1: a pickle that runs code on load", lambda: step1(folder))
    part("Step 2: the allow-list", lambda: step2(folder))
    part("Step 3: signed model files", lambda: step3(folder))
