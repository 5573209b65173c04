"""Error codes the desk's services answer with (DomainError.code)."""

from enum import StrEnum


class DeskError(StrEnum):
    ASSIGNEE_NOT_IN_AREA = "assignee_not_in_area"
    CONTACT_NOT_OF_CUSTOMER = "contact_not_of_customer"
    NO_AREA = "no_area"
    CLOSED = "closed"
    INVALID_TIME = "invalid_time"
    NOT_CUSTOMERS_TURN = "not_customers_turn"
    NO_FLOW = "no_flow"
    MOVE_NOT_ALLOWED = "move_not_allowed"
    NO_UNDERSTANDING_HERE = "no_understanding_here"
    STATUS_FOLLOWS_FLOW = "status_follows_flow"
    INVALID_AMOUNT = "invalid_amount"
    NO_CUSTOMER = "no_customer"
    HAS_SERVICE_ORDERS = "has_service_orders"
