// Generated from graph/domain/model.py by graph/store/generate.py: do not edit (make generate).
// A bulk load starts staging: its marker (no reader matches the label) says how far it got.
CREATE (:_Load {id: $load, state: 'staging', started: datetime(), files: $files, updates: $updates})
