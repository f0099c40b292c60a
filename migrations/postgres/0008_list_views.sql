-- Each user's own view of a list (seed 002 "Editovat zobrazení"): the columns shown and the
-- sort order, saved by those who hold the list's Edit view right.
CREATE TABLE list_views (
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    list_key TEXT NOT NULL,
    view_json TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, list_key)
);
