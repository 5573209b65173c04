"""The typed-request panel of the ticket page: stage, fields under the stage's rules, the moves
the stage allows, the understanding and the stage history."""

from atende.desk.forms_requests import MoveForm, StageFieldsForm, UnderstandingForm
from atende.desk.selectors import ticket_passages
from atende.desk.services.requests import moves_for
from atende.workflow.engine import MOVE_LABELS, visible_fields


def request_panel_context(ticket, *, actor, may_change: bool, forms: dict) -> dict:
    """Nothing for a ticket without a type; `forms` carries a refused form to show again. The
    moves offered are the ones the services would accept from this member (`moves_for`)."""
    if ticket.stage_id is None:
        return {}
    open_here = may_change and not ticket.is_closed
    moves = moves_for(actor, ticket)
    fields = visible_fields(ticket.stage, ticket.field_values)
    return {
        "request_fields_form": forms.get("request_fields_form")
        or StageFieldsForm(fields=fields, editable=open_here),
        "request_file_values": [
            (item.field.label, item.value) for item in fields if isinstance(item.value, dict)
        ],
        "request_editable": open_here,
        "request_moves": [(move.value, MOVE_LABELS[move]) for move in moves],
        "request_move_form": forms.get("request_move_form") or MoveForm(),
        "understanding_form": forms.get("understanding_form") or UnderstandingForm(),
        "passages": ticket_passages(ticket=ticket),
    }
