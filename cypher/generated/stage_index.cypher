// Generated from graph/domain/model.py by graph/store/generate.py: do not edit (make generate).
CREATE INDEX staged_sid IF NOT EXISTS FOR (n:_Staged) ON (n._sid)
