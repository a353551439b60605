"""One APIRouter per resource: health, extract, documents, quotes, entities, graph."""
