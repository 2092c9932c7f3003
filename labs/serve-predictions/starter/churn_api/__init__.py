"""A churn-risk prediction service built with FastAPI."""
