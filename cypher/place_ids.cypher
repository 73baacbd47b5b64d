MATCH (p:Place) RETURN collect(p.id) AS ids
