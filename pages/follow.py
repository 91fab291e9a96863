"""Follow the teacher: the teacher's shared run, live and read-only, in the student's own language and layout."""

import ganviz.ui
from ganviz.ui.follow import follower_page

ganviz.ui.ensure_navigation()
ganviz.ui.compact_top()
follower_page()
