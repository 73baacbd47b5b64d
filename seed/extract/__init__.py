"""Extract candidate facts from reports (text, Markdown, PDF) into a seed bundle for review.

Pipeline: reading (bytes -> text with line/page map) -> normalise (de-hyphenate, join lines, drop page furniture,
keep an offset map) -> mentions (entities, citations, money, dates, tasks) -> relations (candidate facts) ->
to_bundle (a valid Bundle, every record marked `review: pending`).
"""
