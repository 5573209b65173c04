from ninja import Schema


class OrganizationOut(Schema):
    id: int
    slug: str
    name: str


class MeOut(Schema):
    id: int
    email: str
    full_name: str
    is_admin: bool
    sector: str | None
    organization: OrganizationOut
