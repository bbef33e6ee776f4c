"""``/api/v2/directives/?issuer=`` answers the same whether a hidden document names the issuer
or nobody does: the answer never tells a draft from nothing."""

from __future__ import annotations

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("hide", ["draft", "private"])
def test_an_issuer_only_a_hidden_document_names_is_unknown(site_tree, client, hide):
    site_tree.document("12/UBNDQ1-VX")
    hidden = site_tree.document("99/BCHMAT-VP", live=hide != "draft")
    if hide == "private":
        factories.restrict(hidden)

    hidden_issuer = client.get("/api/v2/directives/", {"issuer": "BCHMAT"})
    nobody = client.get("/api/v2/directives/", {"issuer": "KHONG-AI"})
    assert (hidden_issuer.status_code, hidden_issuer.json()) == (
        nobody.status_code,
        {**nobody.json(), "message": nobody.json()["message"].replace("KHONG-AI", "BCHMAT")},
    )
    assert nobody.status_code == 400

    public_issuer = client.get("/api/v2/directives/", {"issuer": "UBNDQ1"})
    assert public_issuer.status_code == 200
    assert [item["document_number"] for item in public_issuer.json()["items"]] == ["12/UBNDQ1-VX"]
