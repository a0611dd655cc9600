import json
import pathlib

import pytest

from identity.tokens import verify_token

TESTDATA = pathlib.Path(__file__).parent / "testdata"


def test_expired_token_is_rejected():
    case = json.loads((TESTDATA / "expired_token.json").read_text())
    with pytest.raises(Exception):
        verify_token(case["token"], case["public_key"])
