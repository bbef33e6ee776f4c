"""Questions from voters (hỏi đáp): the committee's answers as pages, and the public form."""
