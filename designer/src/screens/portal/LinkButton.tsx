/** A button that goes to a page of the app: one tab stop (no button nested in a link), Enter works. */
import { Button, type ButtonProps } from 'antd';
import { useNavigate } from 'react-router-dom';

export function LinkButton({ to, ...props }: ButtonProps & { to: string }) {
  const navigate = useNavigate();
  return <Button {...props} onClick={() => navigate(to)} />;
}
