"""An election's timeline: where the election stands (``state``), the calendar file
(``calendar``) and what reads them from the database (``service``)."""
