from assistant.fusion import reciprocal_rank_fusion


def test_fusion_rewards_agreement_between_rankings():
    fused = reciprocal_rank_fusion({"a": ["x", "y", "z"], "b": ["y", "x", "w"]})
    order = [item for item, _, _ in fused]
    assert set(order[:2]) == {"x", "y"}
    assert order[-1] in {"z", "w"}
    ranks = {item: r for item, _, r in fused}
    assert ranks["y"] == {"a": 2, "b": 1}


def test_fusion_weight_puts_a_ranking_first():
    fused = reciprocal_rank_fusion({"lex": ["x"], "tax": ["t"]}, {"tax": 4.0})
    assert fused[0][0] == "t"
    assert abs(fused[0][1] - 4.0 / 61) < 1e-9
