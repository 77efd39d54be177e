-- What a course is found and ranked by (title A, subtitle and tags B, instructor and category names C), as one
-- function: publishing writes it, and erasing a deleted instructor's name rewrites it.
CREATE FUNCTION search_head(language text, title text, subtitle text, tags text[], names text) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT setweight(to_tsvector(catalog.search_config(language), catalog.fold(title)), 'A')
           || setweight(to_tsvector('simple', catalog.fold(title)), 'A')
           || setweight(to_tsvector(catalog.search_config(language),
                                    catalog.fold(subtitle || ' ' || array_to_string(tags, ' '))), 'B')
           || setweight(to_tsvector('simple', catalog.fold(subtitle || ' ' || array_to_string(tags, ' '))), 'B')
           || setweight(to_tsvector('simple', catalog.fold(names)), 'C')
$$;
