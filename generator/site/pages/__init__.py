"""Page emitters: each turns the model into the Markdown of one kind of page."""
