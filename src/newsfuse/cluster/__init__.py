"""Many articles, many events: near-duplicates, batch event clustering, online assignment."""
