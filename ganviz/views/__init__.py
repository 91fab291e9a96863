"""Views: snapshots into figures (Plotly dicts and figures), the model diagram, replays, video and the wire format; no training here."""
