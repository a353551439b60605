"""One APIRouter per resource: health, extract, documents, quotes, entities, graph;
and docs (Swagger UI and ReDoc, with their assets); pages (the newsroom desk)."""
