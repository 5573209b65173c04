"""UploadField / UploadValidator: the same policy check, as a form error in Portuguese."""

import pytest
from django import forms
from django.core.exceptions import ValidationError

from atende.files.forms import UploadField, UploadValidator
from atende.files.policies import IMAGES, KB, UploadPolicy, register_upload_policy
from atende.files.tests import samples

register_upload_policy(UploadPolicy("test_form_images", IMAGES, max_bytes=1 * KB))


class LogoForm(forms.Form):
    logo = UploadField(use="test_form_images", label="Logotipo")


def test_a_real_image_is_valid():
    form = LogoForm(files={"logo": samples.upload("logo.png", samples.PNG)})
    assert form.is_valid() is True
    assert form.cleaned_data["logo"].name == "logo.png"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "logo.png",
            samples.SVG,
            "O conteúdo do arquivo não corresponde a PNG (parece uma imagem SVG).",
        ),
        ("logo.svg", samples.SVG, "Tipo de arquivo não permitido. Envie: GIF, JPEG, JPG, PNG."),
        ("logo.png", samples.PNG + b"\x00" * KB, "Arquivo maior que 1 KB."),
    ],
)
def test_a_refused_upload_is_a_form_error(name, content, message):
    form = LogoForm(files={"logo": samples.upload(name, content)})
    assert form.is_valid() is False
    assert form.errors == {"logo": [message]}


def test_the_input_offers_only_the_policy_extensions():
    assert 'accept=".gif,.jpeg,.jpg,.png"' in str(LogoForm()["logo"])


def test_a_field_for_a_policy_registered_later_still_checks_on_submit():
    class LateForm(forms.Form):
        file = UploadField(use="test_form_late")

    assert "accept" not in str(LateForm()["file"])
    register_upload_policy(UploadPolicy("test_form_late", {"pdf"}))
    form = LateForm(files={"file": samples.upload("a.pdf", samples.PNG)})
    assert form.errors == {"file": ["O conteúdo do arquivo não corresponde a PDF."]}


def test_the_validator_raises_validation_error_with_the_code():
    with pytest.raises(ValidationError) as error:
        UploadValidator("test_form_images")(samples.upload("a.exe", samples.EXE))
    assert error.value.code == "file_type"


def test_the_validator_deconstructs_for_model_fields():
    path, args, kwargs = UploadValidator("test_form_images").deconstruct()
    assert (path, args, kwargs) == ("atende.files.forms.UploadValidator", ("test_form_images",), {})
    assert UploadValidator("test_form_images") == UploadValidator("test_form_images")
