"""CamelCase names reach the search index whole and in lower case, and leave
the finished page as they were (sitebuilder/transforms/joined_names.py)."""

from sitebuilder.stash import Stash
from sitebuilder.transforms.joined_names import joined_names


def test_camel_case_words_get_their_joined_form_for_the_search_only():
    stash = Stash()
    html = (
        '<h2 id="x">The <code>MulLayer</code></h2>\n<p>Use <code>MulLayer</code> with PyTorch and NumPy, '
        'not ReLU or numpy.</p><pre data-stash="0"><code>class TwoLayerMLP:</code></pre>'
        '<span data-stash="1">SoftmaxWithLoss <span>inside</span></span><script>var TwoLayer = 1;</script>'
    )
    stash.kept.extend(["<pre>highlighted</pre>", "<span>formula</span>"])
    indexed = joined_names(html, stash)
    for joined in ("mullayer", "pytorch", "numpy", "twolayermlp"):
        assert f"> {joined}</span>" in indexed, f"{joined} is not indexed"
    # Not in the heading (the result's title), a span stand-in, or a script; not for ReLU.
    assert indexed.count(" mullayer<") == 1 and "softmaxwithloss" not in indexed and " twolayer<" not in indexed
    assert " relu" not in indexed
    restored = stash.restore(indexed)
    assert restored == stash.restore(html), "the finished page must not show the joined forms"
