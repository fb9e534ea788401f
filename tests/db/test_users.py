import pytest
from sqlalchemy import func, select

from db.models import Department, User
from hallclient.passwords import verify_password
from hallclient.uow import UnitOfWork, run_write
from hallclient.users import UserInputError, add_user


def _add(database, *args, **kwargs):
    return run_write(database, lambda uow: add_user(uow, *args, **kwargs))


def _count(database) -> int:
    with UnitOfWork(database) as uow:
        return uow.session.scalar(select(func.count()).select_from(User))


def test_add_user_stores_an_argon2id_hash(database):
    _add(database, "2001", "陈静", "shift_manager", "manager-pw")
    with UnitOfWork(database) as uow:
        user = uow.session.scalar(select(User))
        assert user.password_hash.startswith("$argon2id$")
        assert verify_password(user.password_hash, "manager-pw")
        assert user.active and user.failed_logins == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("1", "短号", "clerk", "password1"), "3-16 letters or digits"),
        (("1003", " ", "clerk", "password1"), "display name"),
        (("1003", "张三", "clerk", "short"), "at least 6"),
        (("1003", "张三", "boss", "password1"), "role 'boss' is unknown"),
        (("1003", "张三", "department_staff", "password1"), "existing department"),
        (("1003", "张三", "clerk", "password1", "billing"), "only department staff"),
    ],
)
def test_bad_input_is_refused_and_nothing_written(database, args, message):
    with pytest.raises(UserInputError, match=message):
        _add(database, *args)
    assert _count(database) == 0


def test_employee_number_is_unique(database):
    _add(database, "1003", "张三", "clerk", "password1")
    with pytest.raises(UserInputError, match="already taken"):
        _add(database, "1003", "李四", "clerk", "password2")
    assert _count(database) == 1


def test_department_staff_belong_to_a_department(database):
    def add_department(uow):
        uow.session.add(
            Department(
                code="billing",
                name_zh="账务结算部",
                name_en="Billing",
                duties="账务",
                phone="1",
                location="二楼",
                hours="工作日",
            )
        )
        uow.commit()

    run_write(database, add_department)
    _add(database, "3001", "赵刚", "department_staff", "password1", "billing")
    with UnitOfWork(database) as uow:
        assert uow.session.scalar(select(User.department_code)) == "billing"
