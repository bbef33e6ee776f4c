"""Election portals made in one step: ``manage.py baucu_portal create`` and the admin's form.

The work is in :mod:`wagtail_baucu.portals.creation`; the command and the view only call it.
"""
