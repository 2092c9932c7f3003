import numpy as np
import pytest

from model_store import FeatureError, build_metadata, load_model, predict, save_model
from train import FEATURES, load_data


@pytest.fixture
def rows():
    return load_data().drop(columns=["churned"])


def metadata_of(trained, data_file):
    """Called inside each test, not as a fixture, so an unfinished step fails as a test."""
    return build_metadata(trained[0], data_file, trained[1])


def test_step5_predicts_churn_probabilities(trained, data_file, rows):
    metadata = metadata_of(trained, data_file)
    result = predict(trained[0], metadata, rows)
    assert result.shape == (len(rows),)
    assert np.array_equal(result, trained[0].predict_proba(rows[FEATURES])[:, 1])


def test_step5_predictions_are_identical_after_loading(trained, data_file, tmp_path, rows):
    metadata = metadata_of(trained, data_file)
    loaded, loaded_metadata = load_model(save_model(trained[0], metadata, tmp_path / "v1"), data_file)
    assert np.array_equal(predict(loaded, loaded_metadata, rows), predict(trained[0], metadata, rows))


def test_step5_columns_in_any_order_with_extras(trained, data_file, rows):
    metadata = metadata_of(trained, data_file)
    shuffled = rows[list(reversed(rows.columns))].assign(customer_id=range(len(rows)))
    assert np.array_equal(predict(trained[0], metadata, shuffled), predict(trained[0], metadata, rows))


def test_step5_refuses_rows_without_every_feature(trained, data_file, rows):
    metadata = metadata_of(trained, data_file)
    with pytest.raises(FeatureError) as refused:
        predict(trained[0], metadata, rows.drop(columns=["contract", "support_calls"]))
    for name in ("contract", "support_calls"):
        assert name in str(refused.value), f"the error should name the missing feature {name!r}: {refused.value}"
