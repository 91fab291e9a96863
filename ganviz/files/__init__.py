"""Files: run files (save/resume, safetensors, never a pickle), the trained runs shipped in ``trained/``, and exports (HTML, CSV)."""
